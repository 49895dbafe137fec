/* #include "..." and <...>, guards, #pragma once, computed includes. */
#include "inc/guarded.h"
#include "inc/guarded.h"
#include "inc/once.h"
#include "inc/once.h"
#define HDR "inc/plain.h"
#include HDR
#define str(x) #x
#define xstr(x) str(x)
#include xstr(inc/plain.h)
#include <guarded.h>
guarded_value once_value plain_count
#undef GUARDED_H
#include "inc/guarded.h"
guarded_value
#define ANGLED <plain.h>
#include ANGLED
#define IN_PATH(name) <name.h>
#include IN_PATH(plain)
plain_count
