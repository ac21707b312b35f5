//! The documentation's shape: a README short enough to read first, every page of `docs/`
//! reachable from it, and every relative link of the README and `docs/` pointing at a file
//! of the repository.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The targets of the Markdown links `[text](target)` in `markdown`, without their
/// `#fragment`; web and mail links and links within the page are left out.
fn relative_links(markdown: &str) -> Vec<String> {
    markdown
        .split("](")
        .skip(1)
        .filter_map(|rest| rest.split(')').next())
        .filter(|target| !target.contains("://") && !target.starts_with("mailto:"))
        .map(|target| target.split('#').next().unwrap_or(target).to_owned())
        .filter(|target| !target.is_empty())
        .collect()
}

fn docs_pages() -> Vec<PathBuf> {
    let mut pages: Vec<PathBuf> = std::fs::read_dir(repo().join("docs"))
        .expect("docs/")
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "md"))
        .collect();
    pages.sort();
    pages
}

#[test]
fn readme_is_short_and_reaches_every_docs_page() {
    let readme = std::fs::read_to_string(repo().join("README.md")).expect("README.md");
    let lines = readme.lines().count();
    assert!(lines <= 150, "README.md has {lines} lines, over 150");
    let linked: BTreeSet<PathBuf> = relative_links(&readme)
        .iter()
        .filter_map(|target| repo().join(target).canonicalize().ok())
        .collect();
    for page in docs_pages() {
        let page = page.canonicalize().unwrap();
        assert!(
            linked.contains(&page),
            "README.md does not link {}",
            page.display()
        );
    }
}

#[test]
fn relative_links_point_at_files_of_the_repository() {
    let mut files = vec![repo().join("README.md")];
    files.extend(docs_pages());
    for file in files {
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(
            !text.contains("../shared"),
            "{} refers to ../shared, outside the repository",
            file.display()
        );
        let dir = file.parent().unwrap();
        for target in relative_links(&text) {
            assert!(
                dir.join(&target).exists(),
                "{}: the link {target} leads nowhere",
                file.display()
            );
        }
    }
}
