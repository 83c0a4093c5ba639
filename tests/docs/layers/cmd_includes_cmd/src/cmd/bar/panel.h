int bar_panel(void);
