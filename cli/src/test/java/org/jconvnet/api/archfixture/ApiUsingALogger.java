package org.jconvnet.api.archfixture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Test fixture: an API class that breaks the rule "api depends on the JDK only". */
public final class ApiUsingALogger {
    /** The forbidden dependency. */
    public static Logger logger() {
        return LoggerFactory.getLogger(ApiUsingALogger.class);
    }
}
