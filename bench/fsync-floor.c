// The floor under `recdeck serve`'s latency: what the disk takes to store a delivery the way
// serve does, without HTTP or Swift. THREADS writers (default 64, as wrk's connections), each in a
// loop for SECONDS (default 10): a 1 KiB sidecar and a 1 KiB body, each written to a hidden name,
// fsynced and renamed, then the folder fsynced (three fsyncs, as DeliveryStore does), all into one
// day folder. Prints stores a second and the p50 / p99 / max of one store.
//
//   cc -O2 -pthread -o /tmp/fsync-floor bench/fsync-floor.c
//   /tmp/fsync-floor DIR [THREADS] [SECONDS]
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char *folder;
static double seconds = 10;
static double start_time;

typedef struct {
    int id;
    double *latencies;
    size_t count, capacity;
} worker;

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec / 1e9;
}

static void store_file(const char *name, const char *bytes, size_t length) {
    char hidden[4096], final[4096];
    snprintf(hidden, sizeof hidden, "%s/.%s.tmp", folder, name);
    snprintf(final, sizeof final, "%s/%s", folder, name);
    int fd = open(hidden, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0) { perror(hidden); exit(1); }
    if (write(fd, bytes, length) != (ssize_t)length) { perror("write"); exit(1); }
    if (fsync(fd) != 0) { perror("fsync"); exit(1); }
    close(fd);
    if (rename(hidden, final) != 0) { perror("rename"); exit(1); }
}

static void *run(void *argument) {
    worker *self = argument;
    char body[1024];
    memset(body, 'x', sizeof body);
    int directory = open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (directory < 0) { perror(folder); exit(1); }
    for (unsigned long n = 0; now() - start_time < seconds; n++) {
        char name[256];
        double began = now();
        snprintf(name, sizeof name, "d-%d-%lu.json.headers", self->id, n);
        store_file(name, body, sizeof body);
        snprintf(name, sizeof name, "d-%d-%lu.json", self->id, n);
        store_file(name, body, sizeof body);
        if (fsync(directory) != 0) { perror("fsync folder"); exit(1); }
        if (self->count == self->capacity) {
            self->capacity = self->capacity ? self->capacity * 2 : 1024;
            self->latencies = realloc(self->latencies, self->capacity * sizeof(double));
        }
        self->latencies[self->count++] = now() - began;
    }
    close(directory);
    return NULL;
}

static int ascending(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: fsync-floor DIR [THREADS] [SECONDS]\n"); return 2; }
    folder = argv[1];
    int threads = argc > 2 ? atoi(argv[2]) : 64;
    if (argc > 3) seconds = atof(argv[3]);
    worker *workers = calloc(threads, sizeof(worker));
    pthread_t *handles = calloc(threads, sizeof(pthread_t));
    start_time = now();
    for (int i = 0; i < threads; i++) {
        workers[i].id = i;
        pthread_create(&handles[i], NULL, run, &workers[i]);
    }
    size_t total = 0;
    for (int i = 0; i < threads; i++) {
        pthread_join(handles[i], NULL);
        total += workers[i].count;
    }
    double elapsed = now() - start_time;
    double *all = malloc(total * sizeof(double));
    size_t at = 0;
    for (int i = 0; i < threads; i++) {
        memcpy(all + at, workers[i].latencies, workers[i].count * sizeof(double));
        at += workers[i].count;
    }
    qsort(all, total, sizeof(double), ascending);
    printf("fsync floor: %d writers, %.1f s: %zu stores, %.0f a second, p50 %.2f ms, p99 %.2f ms, max %.2f ms\n",
           threads, elapsed, total, total / elapsed, all[total / 2] * 1e3, all[(size_t)(total * 0.99)] * 1e3,
           all[total - 1] * 1e3);
    return 0;
}
