package kz.qatysu.platform.testing;

import jakarta.transaction.UserTransaction;
import java.util.concurrent.Callable;

/** For in-container ITs that set data up through the domain: one unit of work, committed or rolled back. */
public final class Transactions {

    private Transactions() {
    }

    public static <T> T inTransaction(UserTransaction tx, Callable<T> work) throws Exception {
        tx.begin();
        try {
            T result = work.call();
            tx.commit();
            return result;
        } catch (Exception | Error e) {
            tx.rollback();
            throw e;
        }
    }
}
