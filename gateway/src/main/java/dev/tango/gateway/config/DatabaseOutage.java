package dev.tango.gateway.config;

import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Whether an error means the gateway's MongoDB (users, API tokens) cannot be reached: the driver's own timeout and
 * socket errors, or Spring's translation of them. Here, with the rest of the Mongo wiring, so that the error handlers
 * need not know the driver.
 */
public final class DatabaseOutage {

    private DatabaseOutage() {}

    public static boolean causedBy(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof MongoTimeoutException
                    || t instanceof MongoSocketException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
        }
        return false;
    }
}
