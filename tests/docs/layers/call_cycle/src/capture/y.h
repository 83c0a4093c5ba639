int y_fn(int n);
