package org.tipline.gateway.platform.worker;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The worker loop on its own: failures and errors never end it, it reopens its task, reports stuck rounds. */
class WorkerTest {

    private static final WorkerSettings FAST = WorkerSettings.polling(Duration.ofMillis(20))
            .backingOff(Duration.ofMillis(10), Duration.ofMillis(50));

    private Worker worker;

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.stop(Duration.ofSeconds(5));
        }
    }

    @Test
    void anUnexpectedExceptionMakesItUnhealthyThenItReopensAndRecovers() {
        // Given: a task whose third round throws
        AtomicInteger rounds = new AtomicInteger();
        AtomicInteger opened = new AtomicInteger();
        AtomicInteger closed = new AtomicInteger();
        CountDownLatch failedSeen = new CountDownLatch(1);
        BackgroundTask task = new BackgroundTask() {

            @Override
            public Round round() throws InterruptedException {
                int round = rounds.incrementAndGet();
                if (round == 3) {
                    throw new IllegalStateException("content that must not be shown");
                }
                if (round == 4) {
                    failedSeen.await(5, TimeUnit.SECONDS);
                }
                return Round.IDLE;
            }

            @Override
            public void open() {
                opened.incrementAndGet();
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        };
        // When
        worker = start(task, Duration.ofMinutes(1));
        // Then
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !worker.status().healthy());
        assertThat(worker.status().reason()).isEqualTo("failed: IllegalStateException; restarting")
                .doesNotContain("content");
        failedSeen.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> worker.status().healthy() && rounds.get() > 5);
        assertThat(worker.status().failures()).isEqualTo(1);
        assertThat(opened.get()).as("opened at start and after the failure").isEqualTo(2);
        assertThat(closed.get()).as("closed before reopening").isEqualTo(1);
    }

    @Test
    void anErrorDoesNotEndTheLoopEither() {
        AtomicInteger rounds = new AtomicInteger();
        worker = start(() -> {
            if (rounds.incrementAndGet() == 1) {
                throw new AssertionError("an Error, not an Exception");
            }
            return Round.IDLE;
        }, Duration.ofMinutes(1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() > 3 && worker.status().healthy());
    }

    @Test
    void aRoundThatRunsTooLongIsReportedStuck() throws InterruptedException {
        // Given
        CountDownLatch release = new CountDownLatch(1);
        worker = start(() -> {
            release.await();
            return Round.IDLE;
        }, Duration.ofMillis(200));
        // Then
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> !worker.status().healthy());
        assertThat(worker.status().reason()).startsWith("stuck");
        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> worker.status().healthy());
    }

    @Test
    void pausedRoundsBackOffAndStayHealthy() {
        AtomicInteger rounds = new AtomicInteger();
        worker = start(() -> {
            rounds.incrementAndGet();
            return Round.PAUSED;
        }, Duration.ofMinutes(1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() >= 3);
        assertThat(worker.status().healthy()).isTrue();
        assertThat(worker.status().state()).isEqualTo(Worker.State.PAUSED);
    }

    @Test
    void aDoneTaskEndsItsWorkerHealthy() {
        AtomicInteger rounds = new AtomicInteger();
        worker = start(() -> rounds.incrementAndGet() < 3 ? Round.PAUSED : Round.DONE, Duration.ofMinutes(1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> worker.status().state() == Worker.State.DONE);
        assertThat(worker.status().healthy()).isTrue();
        assertThat(rounds.get()).isEqualTo(3);
    }

    @Test
    void aWakeUpCutsAnIdlePauseShort() {
        // Given: a worker that, once idle, would wait an hour
        AtomicInteger rounds = new AtomicInteger();
        worker = new Worker("hourly", WorkerSettings.polling(Duration.ofHours(1)), () -> {
            rounds.incrementAndGet();
            return Round.IDLE;
        }, List::of, Duration.ofMinutes(1));
        worker.start();
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 1);
        // When
        worker.wakeUp();
        // Then
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> rounds.get() == 2);
    }

    @Test
    void stoppingInterruptsABlockingRoundAndClosesTheTask() {
        CountDownLatch blocked = new CountDownLatch(1);
        AtomicInteger closed = new AtomicInteger();
        Thread[] roundThread = new Thread[1];
        worker = start(new BackgroundTask() {

            @Override
            public Round round() throws InterruptedException {
                roundThread[0] = Thread.currentThread();
                blocked.await();
                return Round.IDLE;
            }

            @Override
            public void interrupt() {
                blocked.countDown();
            }

            @Override
            public void close() {
                closed.incrementAndGet();
            }
        }, Duration.ofMinutes(1));
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> roundThread[0] != null);
        worker.stop(Duration.ofSeconds(5));
        assertThat(roundThread[0].isAlive()).isFalse();
        assertThat(closed.get()).isEqualTo(1);
        assertThat(worker.status().state()).isEqualTo(Worker.State.STOPPED);
        worker = null;
    }

    private static Worker start(BackgroundTask task, Duration stuckAfter) {
        Worker worker = new Worker("test", FAST, task, List::of, stuckAfter);
        worker.start();
        return worker;
    }
}
