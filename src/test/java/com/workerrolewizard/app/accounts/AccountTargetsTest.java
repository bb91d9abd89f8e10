package com.workerrolewizard.app.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.workerrolewizard.core.UserFacingException;
import com.workerrolewizard.core.account.AccountRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class AccountTargetsTest {
    @Test
    void idsAreTwelveDigitsKeptInOrderOnceWithCommentsAndBlanksSkipped() {
        assertThat(AccountTargets.parseIds(
                        List.of(" 111122223333", "# prod", "", "444455556666 # dev", "111122223333"), "accounts.txt"))
                .extracting(AccountRef::id)
                .containsExactly("111122223333", "444455556666");
    }

    @Test
    void aWrongValueOrNoneIsOneSentenceNamingWhere() {
        assertThatThrownBy(() -> AccountTargets.parseIds(List.of("1111", "x", "111122223333"), "--accounts"))
                .isInstanceOf(UserFacingException.class)
                .hasMessage("--accounts holds values that are not a 12-digit account ID (1111, x): give account IDs "
                        + "such as 111122223333.");
        assertThatThrownBy(() -> AccountTargets.parseIds(List.of("# nothing", " "), "a.txt"))
                .hasMessage("a.txt names no account: give at least one 12-digit account ID.");
    }
}
