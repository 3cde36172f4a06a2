package dev.tango.benchmark;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The two ways load is applied: a closed loop (N callers, each as fast as answers come) and a fixed rate. */
final class Load {

    private Load() {}

    /** What a run achieved: calls completed (successes and errors) in the measured window, and their latency. */
    record Result(String name, long calls, long errors, Duration elapsed, Latency latency) {
        double perSecond() {
            return elapsed.isZero() ? 0 : (calls - errors) * 1e9 / elapsed.toNanos();
        }

        String line() {
            return String.format(
                    Locale.ROOT,
                    "%-48s %9.0f /s  %7d ok %5d errors  %s",
                    name,
                    perSecond(),
                    calls - errors,
                    errors,
                    latency.summary());
        }
    }

    /**
     * {@code concurrency} callers, each calling again as soon as its previous call completed, for {@code warmup} (not
     * recorded) plus {@code duration}. A call emits true for success. Latency is from sending to the answer: with a
     * closed loop nothing waits behind a slow call, so these latencies are service times, not response times under a
     * given rate (for those see {@link #fixedRate}).
     */
    static Result closedLoop(
            String name, int concurrency, Duration warmup, Duration duration, Supplier<Mono<Boolean>> call) {
        Latency latency = new Latency();
        AtomicLong calls = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        long begin = System.nanoTime() + warmup.toNanos();
        long end = begin + duration.toNanos();
        Flux.range(0, concurrency)
                .flatMap(
                        worker -> Mono.defer(() -> {
                                    long sent = System.nanoTime();
                                    return call.get()
                                            .onErrorReturn(false)
                                            .defaultIfEmpty(false)
                                            .doOnNext(ok -> {
                                                if (sent >= begin && sent < end) {
                                                    latency.recordNanos(System.nanoTime() - sent);
                                                    calls.incrementAndGet();
                                                    if (!ok) {
                                                        errors.incrementAndGet();
                                                    }
                                                }
                                            });
                                })
                                .repeat(() -> System.nanoTime() < end),
                        concurrency)
                .blockLast();
        return new Result(name, calls.get(), errors.get(), duration, latency);
    }

    /**
     * Starts a call at each tick of a fixed rate for {@code duration}, whether or not earlier calls have completed,
     * then waits up to {@code grace} for them; calls still under way after that are cancelled and count as errors
     * (the rate was not sustained). Each call gets its intended start time ({@link System#nanoTime()} scale) so that
     * it measures from there: a call that starts late because the harness or a pool fell behind still counts its
     * delay (no coordinated omission). Returns the calls scheduled, the failed or unfinished ones, and the time from
     * the first tick until the last call completed or was cancelled.
     */
    static Result fixedRate(
            String name,
            double perSecond,
            Duration duration,
            Duration grace,
            Latency latency,
            LongFunction<Mono<Boolean>> call) {
        long interval = Math.round(1e9 / perSecond);
        long total = Math.max(1, Math.round(perSecond * duration.toNanos() / 1e9));
        AtomicLong errors = new AtomicLong();
        AtomicLong completed = new AtomicLong();
        List<Disposable> calls = new ArrayList<>();
        long start = System.nanoTime();
        for (long i = 0; i < total; i++) {
            long intended = start + i * interval;
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            calls.add(call.apply(intended)
                    .onErrorReturn(false)
                    .defaultIfEmpty(false)
                    .subscribe(ok -> {
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                        completed.incrementAndGet();
                    }));
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (completed.get() < total && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
        calls.forEach(Disposable::dispose);
        long unfinished = total - completed.get();
        return new Result(name, total, errors.get() + unfinished, Duration.ofNanos(System.nanoTime() - start), latency);
    }
}
