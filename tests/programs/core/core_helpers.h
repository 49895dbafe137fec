/* A header for include_local_header.c: guarded so that including it twice is
   harmless. */
#ifndef CORE_HELPERS_H
#define CORE_HELPERS_H

#define HELPER_BASE 1000

static int helper_scale(int v) {
    return v * 3 + HELPER_BASE;
}

#endif
