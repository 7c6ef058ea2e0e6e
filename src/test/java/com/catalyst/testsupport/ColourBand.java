package com.catalyst.testsupport;

import java.awt.image.BufferedImage;

/**
 * Where pixels of one colour (±12 a channel) sit in a screenshot: how many, the first and the last row. The page tests
 * read a chart's place and size from it (a line painted, one chart below another).
 */
public record ColourBand(int pixels, int top, int bottom) {

    /** The band of {@code hex} ({@code #rrggbb}) in {@code image}. */
    public static ColourBand of(BufferedImage image, String hex) {
        int rgb = Integer.parseInt(hex.substring(1), 16);
        int count = 0;
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (close(image.getRGB(x, y), rgb)) {
                    count++;
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        return new ColourBand(count, top, bottom);
    }

    private static boolean close(int a, int b) {
        for (int shift = 0; shift <= 16; shift += 8) {
            if (Math.abs(((a >> shift) & 0xff) - ((b >> shift) & 0xff)) > 12) {
                return false;
            }
        }
        return true;
    }
}
