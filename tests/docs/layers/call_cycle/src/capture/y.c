#include "capture/x.h"
#include "capture/y.h"
int y_fn(int n) { return n ? x_fn(n - 1) : 1; }
