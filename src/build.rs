//! Rebuild when the bundled reference data or samples change: the binary
//! embeds both folders (`include_dir!`), which cargo does not track itself.

fn main() {
    println!("cargo:rerun-if-changed=data");
}
