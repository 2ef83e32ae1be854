package org.bftswarm.orchestrator;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.util.TreeSet;

/**
 * The request numbers one client has used (replicated): a number is accepted once, and only above
 * {@code floor}; the window remembers the last {@link #SIZE} numbers and raises the floor past older
 * ones, so a client may have several requests in flight and retransmit through other nodes, while no
 * signed operation can ever execute twice.
 */
@JsonAutoDetect(
        fieldVisibility = Visibility.ANY,
        getterVisibility = Visibility.NONE,
        isGetterVisibility = Visibility.NONE,
        setterVisibility = Visibility.NONE,
        creatorVisibility = Visibility.NONE)
final class RequestWindow {
    static final int SIZE = 256;

    long floor;
    TreeSet<Long> used = new TreeSet<>();

    /** Whether {@code n} may be used now (not yet used, above the floor). */
    boolean fresh(long n) {
        return n > floor && !used.contains(n);
    }

    void use(long n) {
        used.add(n);
        while (used.size() > SIZE) {
            floor = used.pollFirst();
        }
    }
}
