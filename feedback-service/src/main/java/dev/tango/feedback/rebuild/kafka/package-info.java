/** How a Kafka listener feeding a projection replays its topics: stopped, then restarted at the first offsets. */
package dev.tango.feedback.rebuild.kafka;
