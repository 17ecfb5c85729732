#ifndef CHEATGEN_CCMARK_SHIM_H
#define CHEATGEN_CCMARK_SHIM_H
#include <cmark.h>
#endif
