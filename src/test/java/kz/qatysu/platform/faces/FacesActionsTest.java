package kz.qatysu.platform.faces;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ejb.EJBException;
import jakarta.ejb.EJBTransactionRolledbackException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.Test;

class FacesActionsTest {

    @Test
    void recognisesAConcurrentChangeHoweverDeepTheContainerWrappedIt() {
        var conflict = new EJBTransactionRolledbackException("rolled back",
                new PersistenceException(new OptimisticLockException("version 3 expected")));

        assertThat(FacesActions.causedByConcurrentChange(conflict)).isTrue();
    }

    @Test
    void anyOtherFailureIsNotTakenForOne() {
        assertThat(FacesActions.causedByConcurrentChange(new EJBException(new IllegalStateException("bug")))).isFalse();
        assertThat(FacesActions.causedByConcurrentChange(new EJBException("no cause"))).isFalse();
    }
}
