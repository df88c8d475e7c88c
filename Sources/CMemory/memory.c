#include <stdlib.h>

#include "CMemory.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

void antoan_limit_arenas(int count) {
#if defined(__GLIBC__)
    mallopt(M_ARENA_MAX, count);
#else
    (void)count;
#endif
}

void antoan_trim_memory(void) {
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
}
