#include "decode/a.h"
int a_fn(void) { return 1; }
