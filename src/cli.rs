//! The command line: subcommands over the same [`Library`] the reader uses,
//! with stable JSON on stdout and messages on stderr.
//!
//! Every command reads the config file first (flags override it), then
//! opens remembered state and the cached index unless `--no-state`, so a
//! repeated command is as fast as reopening the reader.

use std::borrow::Cow;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::{Arc, Mutex};

use clap::{Args, Parser, Subcommand};

use crate::config::{self, ByteSize, Config};
use crate::entities::EntityKind;
use crate::export;
use crate::out;
use crate::pipeline::{Library, Open, Opened, Options, Progress, Report};
use crate::search::texts::Texts;
use crate::state::cache::{Bodies, BodySource, shared_text};
use crate::state::{self, Cache, StateOptions};
use crate::threads::{Thread, threads_letting_texts_go};

mod output;
mod search;
mod threads;

use output::{
    dupes_table, entities_table, entity_rows, list_table, print, print_list_json, related_json,
    related_table, show_json, show_text,
};

#[derive(Parser, Debug)]
#[command(
    name = "dossier",
    version,
    about = "A terminal reader for folders of saved news articles",
    long_about = "dossier opens a folder of saved articles, strips the page chrome, merges \
                  duplicates, finds the entities they name, and lets you jump between \
                  articles that share a company or a country.\n\nWith no subcommand it opens \
                  the reader; with no PATH it uses the bundled seed articles."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Files or folders to open in the reader (default: the bundled seeds).
    pub paths: Vec<PathBuf>,
    #[command(flatten)]
    pub load: LoadArgs,
    #[command(flatten)]
    pub state: StateArgs,
}

/// Options shared by every command that loads a corpus. Each overrides
/// the config file's value when given.
#[derive(Args, Debug, Clone)]
pub struct LoadArgs {
    /// Skip files larger than this many bytes (suffixes K, M, G allowed) [default: config, 16M].
    #[arg(long, value_name = "SIZE", value_parser = parse_byte_size, global = true)]
    pub max_size: Option<u64>,
    /// Near-duplicate threshold: share of the shorter article contained in the longer (0-1).
    #[arg(long, value_name = "SHARE", value_parser = parse_share, global = true)]
    pub threshold: Option<f64>,
}

/// Where remembered state and the config come from.
#[derive(Args, Debug, Clone)]
pub struct StateArgs {
    /// Directory of state.db and cache.db [env: DOSSIER_STATE_DIR; default: ~/.local/share/dossier].
    #[arg(long, value_name = "DIR", global = true)]
    pub state_dir: Option<PathBuf>,
    /// Remember nothing and use no cache: touch nothing on disk.
    #[arg(long, global = true, conflicts_with = "state_dir")]
    pub no_state: bool,
    /// Ignore the cached index and rebuild it from the files.
    #[arg(long, global = true)]
    pub rebuild: bool,
    /// Config file to use instead of ~/.config/dossier/config.toml.
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// List the deduplicated articles.
    List(ListArgs),
    /// Show one cleaned article.
    Show(ShowArgs),
    /// List the groups of duplicates that were merged.
    Dupes(PathsArgs),
    /// List the entities found across the corpus.
    Entities(EntitiesArgs),
    /// List the articles that share most entities with one article.
    Related(ShowArgs),
    /// Find articles by what they say: words (AND), "a phrase", prefix*, a OR b, -word.
    Search(SearchArgs),
    /// List the threads: groups of articles that report the same story.
    Threads(PathsArgs),
    /// Write the articles, their entities and the article–entity graph to stdout.
    Export(ExportArgs),
    /// Show where the config file is read from; with --default, print the default config.
    Config(ConfigArgs),
}

#[derive(Args, Debug)]
pub struct ExportArgs {
    /// Files or folders (default: the bundled seeds).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = export::Format::Json)]
    pub format: export::Format,
}

#[derive(Args, Debug)]
pub struct SearchArgs {
    /// The query: words (all must occur), "a phrase", prefix*, a OR b, -excluded.
    #[arg(allow_hyphen_values = true)]
    pub query: String,
    #[command(flatten)]
    pub common: PathsArgs,
    /// How many of the best matches to show.
    #[arg(long, default_value_t = 20)]
    pub limit: usize,
}

#[derive(Args, Debug)]
pub struct ConfigArgs {
    /// Print the documented default config (the built-in one).
    #[arg(long)]
    pub default: bool,
}

#[derive(Args, Debug)]
pub struct PathsArgs {
    /// Files or folders (default: the bundled seeds).
    pub paths: Vec<PathBuf>,
    /// Print JSON instead of a table.
    #[arg(long)]
    pub json: bool,
}

#[derive(Args, Debug)]
pub struct ListArgs {
    #[command(flatten)]
    pub common: PathsArgs,
}

#[derive(Args, Debug)]
pub struct ShowArgs {
    /// Article id (a unique prefix is enough).
    pub id: String,
    #[command(flatten)]
    pub common: PathsArgs,
}

#[derive(Args, Debug)]
pub struct EntitiesArgs {
    #[command(flatten)]
    pub common: PathsArgs,
    /// Only entities of this kind: country, company, organization, person, place.
    #[arg(long, value_parser = parse_kind)]
    pub kind: Option<EntityKind>,
}

fn parse_kind(s: &str) -> Result<EntityKind, String> {
    EntityKind::parse(s).ok_or_else(|| {
        format!("unknown kind '{s}': use country, company, organization, person or place")
    })
}

/// Parses a byte size such as `16M`, `512K` or `1048576` (see [`ByteSize`]).
fn parse_byte_size(s: &str) -> Result<u64, String> {
    ByteSize::parse(s).map(u64::from)
}

fn parse_share(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if (0.0..=1.0).contains(&v) => Ok(v),
        _ => Err(format!("'{s}' is not a share between 0 and 1")),
    }
}

impl LoadArgs {
    /// Returns the config's pipeline options with the flags given applied.
    pub fn options(&self, config: &Config) -> Options {
        let mut opts = config.pipeline_options();
        if let Some(size) = self.max_size {
            opts.load.max_file_size = size;
        }
        if let Some(t) = self.threshold {
            opts.dedup.threshold = t;
        }
        opts
    }
}

/// Runs the binary: parses arguments and dispatches; returns the exit code.
/// Everything it says goes through [`crate::out`]; a reader of stdout that
/// went away (`dossier list | head -1`) ends the command quietly with
/// success, as for any Unix filter.
pub fn main() -> ExitCode {
    ignore_file_size_signal();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(&e),
    };
    match run(cli) {
        Ok(code) => code,
        Err(e) if out::is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            out::diag(&out::error_message(&e));
            ExitCode::FAILURE
        }
    }
}

/// Shows clap's message (usage errors on stderr, `--help` and
/// `--version` on stdout) through the door, and returns clap's exit code.
fn usage_error(e: &clap::Error) -> ExitCode {
    let to_stdout = !e.use_stderr();
    let shown = out::block(&e.render().to_string(), to_stdout);
    if to_stdout && shown.is_err() {
        // --help into a closed pipe is still a success.
        return ExitCode::SUCCESS;
    }
    ExitCode::from(u8::try_from(e.exit_code()).unwrap_or(2))
}

/// Asks for SIGXFSZ to be caught instead of killing the process, so that a
/// write past `ulimit -f` fails with EFBIG, which the cache reports as one
/// line before going on without it.
fn ignore_file_size_signal() {
    #[cfg(unix)]
    {
        let caught = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let _ = signal_hook::flag::register(signal_hook::consts::SIGXFSZ, caught);
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Some(Command::Config(a)) = &cli.command {
        // Works with a broken config file: it is how one gets a good one.
        config_command(a, cli.state.config.as_deref())?;
        return Ok(ExitCode::SUCCESS);
    }
    let (config, config_path) = Config::load(cli.state.config.as_deref())?;
    // Every command checks the whole file, key bindings included, so a
    // config the reader would refuse is refused by `list` too.
    let setup = crate::tui::Setup::from_config(&config, config_path.as_deref())?;
    let opts = cli.load.options(&config);
    let state_opts = StateOptions {
        dir: cli.state.state_dir.clone(),
        disabled: cli.state.no_state,
    };
    if cli.command.is_some() && !cli.paths.is_empty() {
        anyhow::bail!("paths go after the subcommand, e.g. `dossier list PATH`");
    }
    let Some(command) = cli.command else {
        let (store, cache, notices) = state::open_all(&state_opts);
        let memory = crate::tui::Memory {
            store,
            cache,
            rebuild: cli.state.rebuild,
            notices,
        };
        crate::tui::run(&cli.paths, &opts, setup, memory)?;
        return Ok(ExitCode::SUCCESS);
    };
    // No command reads or writes marks: state.db is left alone, only the
    // cached index is opened.
    let (cache, notices) = state::open_cache(&state_opts);
    for n in &notices {
        out::diag(n);
    }
    let corpus = Corpus {
        opts: &opts,
        cache: &cache,
        rebuild: cli.state.rebuild,
    };
    match command {
        Command::List(a) if a.common.json => {
            let lib = corpus.open_without_text(&a.common.paths)?;
            print_list_json(&lib)?;
        }
        Command::List(a) => {
            let articles = corpus.articles(&a.common.paths)?;
            print(false, &(), || list_table(&articles))?;
        }
        Command::Show(a) => {
            let lib = corpus.open_with(Open::new(&a.common.paths, &opts).with_text_of(&a.id))?;
            let i = find(&lib, &a.id)?;
            print(a.common.json, &show_json(&lib, i), || {
                show_text(&lib.corpus.articles[i])
            })?;
        }
        Command::Dupes(a) => {
            let articles = corpus.articles(&a.paths)?;
            let groups = serde_json::to_value(articles.dupe_groups())?;
            print(a.json, &groups, || dupes_table(&articles))?;
        }
        Command::Entities(a) => {
            let lib = corpus.open_without_text(&a.common.paths)?;
            let rows = entity_rows(&lib, a.kind);
            print(a.common.json, &rows, || entities_table(&rows))?;
        }
        Command::Related(a) => {
            let lib = corpus.open_without_text(&a.common.paths)?;
            let i = find(&lib, &a.id)?;
            let value = related_json(&lib, i);
            print(a.common.json, &value, || related_table(&value))?;
        }
        Command::Search(a) => {
            // A query that cannot run is said before anything is opened.
            let query = crate::search::Query::parse(&a.query)?;
            // It shows no entities.
            let texts = corpus.texts(&a.common.paths, false)?;
            let (index, notices) =
                search::open_index(&texts, cli.state.no_state, cli.state.state_dir.as_deref())?;
            for n in &notices {
                out::diag(n);
            }
            let value = search::search_json(&texts, &index, &query, &a.query, a.limit)?;
            print(a.common.json, &value, || search::search_table(&value))?;
        }
        Command::Threads(a) => {
            let (lib, list) = corpus.open_threads(&a.paths)?;
            let value = threads::threads_json(&lib, &list);
            print(a.json, &value, || threads::threads_table(&lib, &value))?;
        }
        Command::Export(a) => {
            // Only FollowTheMoney carries the article text.
            let texts = match a.format {
                export::Format::Ftm => corpus.texts(&a.paths, true)?,
                export::Format::Json | export::Format::Csv => {
                    Texts::Library(Arc::new(corpus.open_without_text(&a.paths)?))
                }
            };
            let policy = match a.format {
                export::Format::Json | export::Format::Ftm => out::Policy::JsonEscape,
                export::Format::Csv => out::Policy::Strip,
            };
            let mut stdout = out::stdout(policy);
            export::write(&texts, a.format, &mut stdout)
                .and_then(|()| std::io::Write::flush(&mut stdout))
                .map_err(written)?;
        }
        Command::Config(a) => config_command(&a, cli.state.config.as_deref())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Names stdout in a failed write's error ("No space left on device").
fn written(e: std::io::Error) -> anyhow::Error {
    anyhow::Error::new(e).context("cannot write to stdout")
}

/// `dossier config`: the default file, or where the config is read from.
fn config_command(args: &ConfigArgs, explicit: Option<&Path>) -> anyhow::Result<()> {
    let text = if args.default {
        config::DEFAULT_TOML.to_owned()
    } else {
        match explicit
            .map(Path::to_path_buf)
            .or_else(Config::default_path)
        {
            Some(path) if path.exists() => format!("{}\n", path.display()),
            Some(path) => format!(
                "{} (not present: the defaults apply; `dossier config --default` prints them)\n",
                path.display()
            ),
            None => "no config directory is known: the defaults apply\n".to_owned(),
        }
    };
    out::print_text(&text).map_err(written)
}

/// How CLI commands open a corpus: through the cache, with the options
/// the config and flags chose.
struct Corpus<'a> {
    opts: &'a Options,
    cache: &'a Cache,
    rebuild: bool,
}

impl Corpus<'_> {
    /// Opens `paths` with a progress bar on stderr (when it is a
    /// terminal), then prints each warning as one line on stderr.
    fn open(&self, paths: &[PathBuf]) -> anyhow::Result<Library> {
        self.open_with(Open::new(paths, self.opts))
    }

    /// [`Self::open`] for a command that prints no article text (see
    /// [`Open::without_text`]): a warm open decodes none.
    fn open_without_text(&self, paths: &[PathBuf]) -> anyhow::Result<Library> {
        self.open_with(Open::new(paths, self.opts).without_text())
    }

    /// Opens `paths` for a command that shows articles but no entities
    /// (see [`Self::open_stopping`]).
    fn articles(&self, paths: &[PathBuf]) -> anyhow::Result<Arc<crate::corpus::Corpus>> {
        let corpus = match self.open_stopping(paths, false)? {
            Stopped::Whole(opened) => opened.library.corpus,
            Stopped::Merged(corpus) => corpus,
        };
        warn(&corpus);
        Ok(corpus)
    }

    /// Opens `paths` without their texts, with a progress bar; unless
    /// `entities` asks for them, the open stops at the merged articles,
    /// but where finding the entities fills the cache for the next open or
    /// the cache gave them (a cold `dupes --no-state` at 100,000 files
    /// spends 40 % of its time on entities otherwise). Prints no warning.
    fn open_stopping(
        &self,
        paths: &[PathBuf],
        entities: bool,
    ) -> Result<Stopped, crate::pipeline::OpenError> {
        let open = Open::new(paths, self.opts).without_text();
        self.with_bar(open, |open| {
            open.list().map(|listed| {
                if entities || listed.fills_the_cache() || listed.has_entities() {
                    Stopped::Whole(Box::new(listed.entities()))
                } else {
                    Stopped::Merged(listed.into_corpus())
                }
            })
        })
    }

    /// Opens `paths` for a command that reads their texts one at a time
    /// (`search`, `export --format ftm`): listed without them where the
    /// cache holds them, and then read from it by chunk, so that the texts
    /// are never all held beside what the command builds from them; whole
    /// where it does not. Without `entities`, for a command that shows
    /// none, the open may stop at the merged articles
    /// ([`Self::open_stopping`]), and the library's entity index is empty.
    fn texts(&self, paths: &[PathBuf], entities: bool) -> anyhow::Result<Texts> {
        let opened = match self.open_stopping(paths, entities)? {
            Stopped::Whole(opened) => *opened,
            Stopped::Merged(corpus) => {
                warn(&corpus);
                let index = crate::entities::EntityIndex::default();
                return Ok(Texts::Library(Arc::new(Library { corpus, index })));
            }
        };
        warn(&opened.library.corpus);
        let Opened {
            library, report, ..
        } = opened;
        if !report.snapshot_hit && !report.texts_let_go {
            return Ok(Texts::Library(Arc::new(library)));
        }
        // The texts are in the snapshot: read from there, or, when it
        // cannot be opened, from the folder opened whole.
        let key = crate::state::corpus_key(paths);
        let Some(store) = self.snapshot_bodies(&key, &report) else {
            drop(library);
            return Ok(Texts::Library(Arc::new(self.open(paths)?)));
        };
        Ok(Texts::Store(Arc::new(library), Arc::new(Mutex::new(store))))
    }

    /// Returns the store of the texts of a library listed without them
    /// from the snapshot of `key`, or that let them go into it as it was
    /// stored (as `report` tells); `None` when it cannot be opened.
    fn snapshot_bodies(&self, key: &str, report: &Report) -> Option<Bodies> {
        let source = BodySource::of(self.cache, key, report.fingerprint)?;
        Bodies::open(source).ok()
    }

    fn open_with(&self, open: Open<'_>) -> anyhow::Result<Library> {
        let opened = self.opened(open);
        if let Ok(o) = &opened {
            warn(&o.library.corpus);
        }
        Ok(opened?.library)
    }

    /// Runs `open` through the cache with a progress bar on stderr (when
    /// it is a terminal); prints no warning.
    #[allow(
        clippy::redundant_closure_for_method_calls,
        reason = "`Open::run` names the method for one lifetime of `Open`; `with_bar` passes a shorter one"
    )]
    fn opened(&self, open: Open<'_>) -> Result<Opened, crate::pipeline::OpenError> {
        self.with_bar(open, |open| open.run())
    }

    /// Calls `go` with `open` set to use the cache and to show its
    /// progress in a bar on stderr (when it is a terminal), which is
    /// cleared once `go` returns.
    fn with_bar<T>(&self, open: Open<'_>, go: impl FnOnce(&Open<'_>) -> T) -> T {
        let bar = out::ProgressBar::on_stderr();
        let progress = |p: Progress| bar.show(p.stage.label(), p.done, p.total);
        let result = go(&open.cache(self.cache, self.rebuild).progress(&progress));
        bar.finish();
        result
    }

    /// Opens `paths` with their threads: from the cache when the folder is
    /// unchanged since they were found (then no text is read), else found
    /// now and stored for the next time.
    fn open_threads(&self, paths: &[PathBuf]) -> anyhow::Result<(Library, Vec<Thread>)> {
        let key = crate::state::corpus_key(paths);
        let heads = self.opened(Open::new(paths, self.opts).without_text())?;
        let articles = heads.library.corpus.articles.len();
        let stored = heads
            .report
            .fingerprint
            .filter(|_| heads.report.snapshot_hit)
            .and_then(|fp| self.cache.threads(&key, fp, articles));
        if let Some(list) = stored {
            warn(&heads.library.corpus);
            return Ok((heads.library, list));
        }
        // The heads of a snapshot lack the texts that threads are found in,
        // and so does an open without text that stored its snapshot: they
        // are read from the snapshot a chunk at a time, or else the folder
        // is opened whole.
        let from_snapshot = heads.report.snapshot_hit || heads.report.texts_let_go;
        let found = from_snapshot
            .then(|| self.threads_from_snapshot(&key, &heads))
            .flatten();
        let (whole, list) = match found {
            Some(list) => (heads, list),
            // Nothing shows the texts after the threads are found.
            None if from_snapshot => {
                let mut whole = self.opened(Open::new(paths, self.opts))?;
                let list = threads_letting_texts_go(&mut whole.library, &self.opts.threads);
                (whole, list)
            }
            None => {
                let mut heads = heads;
                let list = threads_letting_texts_go(&mut heads.library, &self.opts.threads);
                (heads, list)
            }
        };
        warn(&whole.library.corpus);
        if let Some(problem) = whole
            .report
            .fingerprint
            .and_then(|fp| self.cache.save_threads(&key, fp, &list))
        {
            out::diag(&format_args!("warning: {problem}"));
        }
        Ok((whole.library, list))
    }

    /// Finds the threads of `heads`, listed without its texts from the
    /// snapshot of `key`, in the texts read from that snapshot a chunk at a
    /// time (holding them all at once was twice the memory of the list);
    /// `None` when a text could not be read there.
    fn threads_from_snapshot(&self, key: &str, heads: &Opened) -> Option<Vec<Thread>> {
        let store = Mutex::new(self.snapshot_bodies(key, &heads.report)?);
        let articles = &heads.library.corpus.articles;
        let text_of = |i: usize| shared_text(&store, articles, i).map(Cow::Owned);
        crate::threads::threads_if_read(&heads.library, &self.opts.threads, &text_of)
    }
}

/// Where an open for a command stopped ([`Corpus::open_stopping`]).
enum Stopped {
    /// With the entities.
    Whole(Box<Opened>),
    /// At the merged articles.
    Merged(Arc<crate::corpus::Corpus>),
}

/// Prints each warning of `corpus` as one line on stderr.
fn warn(corpus: &crate::corpus::Corpus) {
    for w in &corpus.warnings {
        out::diag(&format_args!("warning: {w}"));
    }
}

fn find(lib: &Library, id: &str) -> anyhow::Result<usize> {
    lib.corpus.find(id).ok_or_else(|| {
        anyhow::anyhow!("no article with id '{id}' (see `dossier list` for the ids)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_parse_with_units() {
        assert_eq!(parse_byte_size("16M"), Ok(16 << 20));
        assert_eq!(parse_byte_size("512k"), Ok(512 << 10));
        assert_eq!(parse_byte_size("1GiB"), Ok(1 << 30));
        assert_eq!(parse_byte_size("100"), Ok(100));
        assert!(parse_byte_size("lots").is_err());
        assert!(parse_byte_size("3Q").is_err());
    }

    #[test]
    fn flags_override_the_config_and_absent_flags_keep_it() {
        let config = Config::parse(
            "[corpus]\nmax_file_size = \"1M\"\ndedupe_threshold = 0.8\n",
            Path::new("x"),
        )
        .unwrap();
        let cli = Cli::parse_from(["dossier", "list"]);
        let opts = cli.load.options(&config);
        assert_eq!(opts.load.max_file_size, 1 << 20);
        assert!((opts.dedup.threshold - 0.8).abs() < 1e-9);
        let cli = Cli::parse_from(["dossier", "list", "--max-size", "2K", "--threshold", "0.5"]);
        let opts = cli.load.options(&config);
        assert_eq!(opts.load.max_file_size, 2 << 10);
        assert!((opts.dedup.threshold - 0.5).abs() < 1e-9);
    }

    #[test]
    fn no_state_and_state_dir_exclude_each_other() {
        assert!(Cli::try_parse_from(["dossier", "--no-state", "--state-dir", "x"]).is_err());
        let cli =
            Cli::try_parse_from(["dossier", "export", "--format", "csv", "--no-state"]).unwrap();
        assert!(cli.state.no_state);
        assert!(matches!(
            cli.command,
            Some(Command::Export(ExportArgs {
                format: export::Format::Csv,
                ..
            }))
        ));
    }
}
