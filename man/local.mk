# man/local.mk: the completions and contrib files (each command's local.mk lists its man page).
bashcompletiondir = $(datadir)/bash-completion/completions
zshcompletiondir = $(datadir)/zsh/vendor-completions
EXTRA_DIST += completions/sockeye.bash completions/_sockeye contrib

install-data-local:
	$(MKDIR_P) $(DESTDIR)$(bashcompletiondir) $(DESTDIR)$(zshcompletiondir)
	$(INSTALL_DATA) $(srcdir)/completions/sockeye.bash $(DESTDIR)$(bashcompletiondir)/sockeye
	$(INSTALL_DATA) $(srcdir)/completions/_sockeye $(DESTDIR)$(zshcompletiondir)/_sockeye

uninstall-local:
	rm -f $(DESTDIR)$(bashcompletiondir)/sockeye $(DESTDIR)$(zshcompletiondir)/_sockeye
