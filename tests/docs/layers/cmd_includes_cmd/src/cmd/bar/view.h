int bar_view(void);
