//! Where results go: rendering in the chosen format, atomic file writes, unified diffs.

use super::Format;
use crate::report::{self, FileReport};
use std::io::Write;
use std::path::Path;

/// Writes the reports in a format; `summary` only affects human output. The JSON formats
/// are written as they are serialised.
pub fn write_report(
    format: Format,
    files: &[FileReport],
    color: bool,
    summary: bool,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => report::write_human(files, color, summary, out),
        Format::Json => report::write_json(files, out),
        Format::Sarif => report::write_sarif(files, out),
        Format::Github => out.write_all(report::render_github(files).as_bytes()),
        Format::Rdjson => report::write_rdjson(files, out),
        Format::Junit => out.write_all(report::render_junit(files).as_bytes()),
    }
}

/// Replaces a file's contents atomically: a temporary file in the same directory, renamed
/// over the target. An existing file keeps its permissions; a symbolic link keeps pointing
/// at the file, which is what gets replaced.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |out| out.write_all(bytes))
}

/// [`write_atomic`] with the contents written by `write` (through a buffer); nothing
/// replaces the file unless `write` succeeds.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let target = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let dir = match target.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let permissions = std::fs::metadata(&target).ok().map(|m| m.permissions());
    let mut tmp = tempfile::Builder::new()
        .prefix(".factlint-")
        .tempfile_in(dir)?;
    {
        let mut buffered = std::io::BufWriter::new(tmp.as_file_mut());
        write(&mut buffered)?;
        buffered.flush()?;
    }
    tmp.as_file().sync_all()?;
    match permissions {
        Some(p) => tmp.as_file().set_permissions(p)?,
        None => default_permissions(tmp.as_file())?,
    }
    tmp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// A new file gets the usual permissions of a report, not the temporary file's private ones.
#[cfg(unix)]
fn default_permissions(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn default_permissions(_: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// A unified diff between a file's text and its fixed text (`a/` and `b/` headers as git).
pub fn unified_diff(name: &str, before: &str, after: &str) -> String {
    similar::TextDiff::from_lines(before, after)
        .unified_diff()
        .context_radius(3)
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string()
}
