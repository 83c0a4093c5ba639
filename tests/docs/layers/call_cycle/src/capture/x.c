#include "capture/x.h"
#include "capture/y.h"
int x_fn(int n) { return n ? y_fn(n - 1) : 0; }
