//! Configuration: `config.toml` with keybindings, theme, pane widths and
//! corpus limits; the built-in default is the documented default file.
