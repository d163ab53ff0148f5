//! `arkiv-gen`: writes a synthetic archive of N documents, for benchmarks and for trying arkiv
//! out. Same seed, same site, byte for byte.

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "arkiv-gen",
    version,
    about = "Write a synthetic association archive of N documents (for benchmarks and trying arkiv out)"
)]
struct Cli {
    /// The folder to write the site into (must be empty or not exist).
    dir: PathBuf,
    /// How many documents (at most 100000).
    #[arg(long, default_value_t = 1000, value_parser = parse_document_count)]
    documents: usize,
    /// Same seed, same site, byte for byte.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Also write the archive as a Hugo site and a Zola site, into PEERS/hugo and PEERS/zola
    /// (for bench/peers.sh).
    #[arg(long, value_name = "PEERS")]
    peers: Option<PathBuf>,
}

/// `--documents`: a whole number up to `MAX_DOCUMENTS`, checked before anything is
/// written (a huge count used to abort on a failed allocation and leave a partial folder).
fn parse_document_count(text: &str) -> Result<usize, String> {
    let max = arkiv_gen::MAX_DOCUMENTS;
    match text.parse::<usize>() {
        Ok(n) if n <= max => Ok(n),
        _ => Err(format!("give a whole number from 0 to {max}")),
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let options = arkiv_gen::GenerateOptions {
        documents: cli.documents,
        seed: cli.seed,
    };
    match arkiv_gen::generate_site(&cli.dir, &options) {
        Ok(summary) => {
            eprintln!(
                "wrote {} documents ({} meetings, {} PDFs, {:.1} MB of Markdown) into {}",
                summary.documents,
                summary.meetings,
                summary.pdfs,
                summary.markdown_bytes as f64 / 1e6,
                cli.dir.display()
            );
            if let Some(peers) = &cli.peers {
                match arkiv_gen::peers::write_peers(&cli.dir, peers) {
                    Ok(p) => eprintln!(
                        "wrote {} documents as Hugo and Zola sites into {}",
                        p.documents,
                        peers.display()
                    ),
                    Err(e) => {
                        eprintln!(
                            "error: cannot write the Hugo and Zola sites into {}: {e}",
                            peers.display()
                        );
                        return ExitCode::from(2);
                    }
                }
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!(
                "error: cannot write the site into {}: {e}\n  hint: give a folder that is empty or does not exist yet",
                cli.dir.display()
            );
            ExitCode::from(2)
        }
    }
}
