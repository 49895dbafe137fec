/* Header for pp_include_guard.c, protected by a classic include guard. */
#ifndef LANG_GUARDED_H
#define LANG_GUARDED_H

static int guarded_value(void) { return 17; }

#endif
