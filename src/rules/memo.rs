//! Matchers derived from the rules, built on the first file and shared by the rest.

use std::sync::{Arc, Mutex, PoisonError};

/// A value computed from part of the rules on first use and reused while that part is
/// unchanged. Rules are public data that callers may edit between checks, so the memo keeps
/// the inputs it was computed from and compares them on every use (a few string
/// comparisons, against building an automaton per file).
pub struct Memo<K, V> {
    slot: Mutex<Option<(K, Arc<V>)>>,
}

impl<K, V> Memo<K, V> {
    /// The memoised value if `same` accepts the key it was built from, else a new one from
    /// `build`, memoised under `key()`.
    pub fn get(
        &self,
        same: impl FnOnce(&K) -> bool,
        key: impl FnOnce() -> K,
        build: impl FnOnce() -> V,
    ) -> Arc<V> {
        let mut slot = self.slot.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((k, v)) = slot.as_ref()
            && same(k)
        {
            return Arc::clone(v);
        }
        let value = Arc::new(build());
        *slot = Some((key(), Arc::clone(&value)));
        value
    }
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo {
            slot: Mutex::new(None),
        }
    }
}

/// A copy of the rules starts with nothing memoised.
impl<K, V> Clone for Memo<K, V> {
    fn clone(&self) -> Self {
        Memo::default()
    }
}

impl<K, V> std::fmt::Debug for Memo<K, V> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Memo")
    }
}
