package org.jconvnet.train.data;

import org.jconvnet.api.JConvNetException;

/** Creates a provider from its {@code --data-provider} name. */
public final class DataProviders {
    /** The known provider names. */
    public static final String[] NAMES = {"cifar", "cifar-cropped"};

    private DataProviders() {
    }

    /**
     * @param name       {@code cifar} or {@code cifar-cropped}
     * @param mean       the per-pixel mean of 32x32 images
     * @param cropBorder {@code --crop-border} for the cropped provider
     */
    public static DataProvider create(String name, double[] mean, int cropBorder) {
        switch (name) {
            case "cifar":
                return new CifarProvider(mean);
            case "cifar-cropped":
                return new CroppedCifarProvider(mean, cropBorder);
            default:
                throw new JConvNetException("--data-provider=" + name + ": unknown provider; known: cifar, cifar-cropped");
        }
    }
}
