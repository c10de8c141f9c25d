package dev.newsdesk.ingest.dedupe;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;

/**
 * MinHash signatures: 64 numbers per text such that the share of positions two signatures agree on
 * estimates the Jaccard similarity of the texts' shingle sets. Split into 16 bands of 4, they also give
 * the keys under which likely duplicates meet (locality-sensitive hashing): texts about 60% alike share a
 * band with a probability of about 0.9, unrelated texts almost never.
 */
public final class MinHash {

    public static final int FUNCTIONS = 64;
    public static final int BANDS = 16;
    static final int ROWS = FUNCTIONS / BANDS;

    private static final long[] SEEDS = new long[FUNCTIONS];

    static {
        long seed = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < FUNCTIONS; i++) {
            seed = mix(seed + 0x9E3779B97F4A7C15L);
            SEEDS[i] = seed;
        }
    }

    private MinHash() {
    }

    public static int[] signature(Set<String> shingles) {
        int[] signature = new int[FUNCTIONS];
        Arrays.fill(signature, Integer.MAX_VALUE);
        for (String shingle : shingles) {
            long hash = fnv(shingle);
            for (int i = 0; i < FUNCTIONS; i++) {
                int value = (int) (mix(hash ^ SEEDS[i]) >>> 33);
                if (value < signature[i]) {
                    signature[i] = value;
                }
            }
        }
        return signature;
    }

    /** The estimated Jaccard similarity of the texts behind two signatures, from 0 to 1. */
    public static double similarity(int[] a, int[] b) {
        int same = 0;
        for (int i = 0; i < FUNCTIONS; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) FUNCTIONS;
    }

    /** The band keys of a signature: texts that share any of them are compared. */
    public static long[] bands(int[] signature) {
        long[] bands = new long[BANDS];
        for (int band = 0; band < BANDS; band++) {
            long hash = band * 0x100000001B3L;
            for (int row = 0; row < ROWS; row++) {
                hash = mix(hash ^ signature[band * ROWS + row]);
            }
            bands[band] = hash;
        }
        return bands;
    }

    public static String encode(int[] signature) {
        StringBuilder hex = new StringBuilder(FUNCTIONS * 8);
        for (int value : signature) {
            hex.append(HexFormat.of().toHexDigits(value));
        }
        return hex.toString();
    }

    public static int[] decode(String hex) {
        int[] signature = new int[FUNCTIONS];
        for (int i = 0; i < FUNCTIONS; i++) {
            signature[i] = HexFormat.fromHexDigits(hex, i * 8, i * 8 + 8);
        }
        return signature;
    }

    private static long fnv(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash ^= text.charAt(i);
            hash *= 0x100000001b3L;
        }
        return hash;
    }

    /** SplitMix64's finaliser: spreads every input bit over the output. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
