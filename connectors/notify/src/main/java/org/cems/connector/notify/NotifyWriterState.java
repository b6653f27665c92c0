package org.cems.connector.notify;

import java.util.List;
import java.util.Map;
import org.apache.flink.annotation.Internal;

/**
 * What a checkpoint keeps of a writer: the messages still to deliver (sent again after a restore)
 * and the keys delivered lately with when (not sent again).
 */
@Internal
record NotifyWriterState(List<PendingDelivery> pending, Map<String, Long> deliveredAtMillis) {}
