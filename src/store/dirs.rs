//! Where the results database lives: `--data-dir`, else `COMPOSURE_DATA_DIR`, else the
//! platform's data folder (XDG's `$XDG_DATA_HOME/composure`, usually
//! `~/.local/share/composure`).

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use etcetera::BaseStrategy;

use super::StoreError;

/// The environment variable that moves the data folder.
pub const DATA_DIR_ENV: &str = "COMPOSURE_DATA_DIR";

/// The database's file name inside the data folder.
pub const DB_FILE: &str = "composure.db";

/// The data folder: the flag wins over the variable, which wins over the platform default.
/// An empty variable counts as unset.
pub fn data_dir(flag: Option<&Path>, env: Option<OsString>) -> Result<PathBuf, StoreError> {
    if let Some(dir) = flag {
        return Ok(dir.to_path_buf());
    }
    if let Some(dir) = env.filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let base =
        etcetera::choose_base_strategy().map_err(|e| StoreError::NoDataDir(e.to_string()))?;
    Ok(base.data_dir().join("composure"))
}
