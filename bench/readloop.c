/* The floor for `recdeck list DIR`: walk DIR and open and read every regular file to its end,
 * one thread, nothing else (no parsing, no output). A benchmark baseline, built by
 * bench/list-vs-jq.sh with `cc -O2`; prints the number of files and bytes read to stderr.
 *
 *   readloop DIR
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char buffer[1 << 16];
static long long files, bytes;

static void read_file(int dir, const char *name) {
    int fd = openat(dir, name, O_RDONLY | O_CLOEXEC);
    if (fd < 0) return;
    ssize_t got;
    while ((got = read(fd, buffer, sizeof buffer)) > 0) bytes += got;
    close(fd);
    files++;
}

static void walk(int dir) {
    DIR *listing = fdopendir(dir);
    if (!listing) {
        close(dir);
        return;
    }
    struct dirent *entry;
    while ((entry = readdir(listing)) != NULL) {
        if (entry->d_name[0] == '.') continue;
        unsigned char type = entry->d_type;
        if (type == DT_UNKNOWN || type == DT_LNK) {
            struct stat info;
            if (fstatat(dirfd(listing), entry->d_name, &info, 0) != 0) continue;
            type = S_ISDIR(info.st_mode) ? DT_DIR : S_ISREG(info.st_mode) ? DT_REG : DT_UNKNOWN;
        }
        if (type == DT_DIR) {
            int child = openat(dirfd(listing), entry->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
            if (child >= 0) walk(child);
        } else if (type == DT_REG) {
            read_file(dirfd(listing), entry->d_name);
        }
    }
    closedir(listing);
}

int main(int argc, char **argv) {
    if (argc != 2) {
        fprintf(stderr, "usage: %s DIR\n", argv[0]);
        return 2;
    }
    int root = open(argv[1], O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (root < 0) {
        fprintf(stderr, "%s: %s\n", argv[1], strerror(errno));
        return 2;
    }
    walk(root);
    fprintf(stderr, "%lld files, %lld bytes\n", files, bytes);
    return 0;
}
