package cn.bijie.innovation.shared.store.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import cn.bijie.innovation.shared.testing.CallCounter;
import cn.bijie.innovation.shared.testing.TestStack;
import org.junit.jupiter.api.Test;

/** The SnapStart priming of the write path, against MiniStack. */
class TableWriterPrimingIT {

    @Test
    void primeWritePath_makesOneCancelledTransaction_andWritesNothing() {
        TestStack stack = TestStack.shared();
        CallCounter calls = new CallCounter();
        var dynamo = stack.dynamoDb(calls);
        int before = stack.countItems(dynamo);
        calls.reset();

        new TableWriter(dynamo).primeWritePath(stack.table());

        assertThat(calls.operations()).containsExactly("TransactWriteItems");
        assertThat(stack.countItems(dynamo)).isEqualTo(before);
    }
}
