int x_fn(int n);
