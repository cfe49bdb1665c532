//! Hash maps and sets with a fast non-cryptographic hasher (foldhash, the hasher of
//! hashbrown). The checks hash every word and name of a document; SipHash's resistance to
//! flooding buys nothing here and cost a tenth of the run time. Iteration order is
//! unspecified, as with the standard hasher: nothing that is reported may depend on it.

pub type HashMap<K, V> = std::collections::HashMap<K, V, foldhash::fast::RandomState>;
pub type HashSet<T> = std::collections::HashSet<T, foldhash::fast::RandomState>;
