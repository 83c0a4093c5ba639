#ifndef A_H
#define A_H
#include "decode/b.h"
int a_fn(void);
#endif
