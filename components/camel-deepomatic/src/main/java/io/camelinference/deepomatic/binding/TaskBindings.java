package io.camelinference.deepomatic.binding;

import java.util.Collection;
import java.util.List;

import io.camelinference.common.operation.Binding;
import io.camelinference.common.operation.MessageValues;
import io.camelinference.deepomatic.DeepomaticConstants;
import io.camelinference.deepomatic.model.DeepomaticTask;
import org.apache.camel.Message;

/** The bindings of the task operations. */
public final class TaskBindings {

    private TaskBindings() {
    }

    /** {@code task}: the id from the header or the body; the task, its status and best label. */
    public static Binding<String, DeepomaticTask> get() {
        return Binding.of(exchange -> MessageValues.id(exchange.getMessage(), DeepomaticConstants.TASK_ID,
                "deepomatic:task", "a task id"), (exchange, task) -> ResultHeaders.task(exchange.getMessage(), task));
    }

    /** {@code tasks}: the ids from the header or the body (a List or a comma-separated String); the tasks. */
    public static Binding<List<String>, List<DeepomaticTask>> list() {
        return Binding.of(exchange -> ids(exchange.getMessage()), (exchange, tasks) -> {
            exchange.getMessage().setHeader(DeepomaticConstants.TASK_IDS, tasks.stream().map(DeepomaticTask::id)
                    .toList());
            exchange.getMessage().setBody(tasks);
        });
    }

    private static List<String> ids(Message in) {
        Object ids = in.getHeader(DeepomaticConstants.TASK_IDS);
        if (ids == null) {
            ids = in.getBody();
        }
        boolean readable = ids instanceof Collection<?> || ids instanceof Object[] || ids instanceof CharSequence
                || ids instanceof Number;
        List<String> taskIds = readable ? MessageValues.list(ids) : List.of();
        if (taskIds.isEmpty()) {
            throw new IllegalArgumentException("deepomatic:tasks needs task ids: set the header "
                    + DeepomaticConstants.TASK_IDS + " (a List or a comma-separated String) or put them in the body;"
                    + " the body is " + (in.getBody() == null ? "empty" : "a " + in.getBody().getClass().getSimpleName()));
        }
        return taskIds;
    }
}
