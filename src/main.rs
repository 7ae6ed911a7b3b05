//! The `dossier` binary: parses arguments and hands over to the CLI or the reader.

fn main() -> std::process::ExitCode {
    dossier::cli::main()
}
