//! Rebuild when the bundled reference data, samples or named queries
//! change: the binary embeds those folders (`include_dir!`), which cargo
//! does not track itself.

fn main() {
    println!("cargo:rerun-if-changed=data");
    println!("cargo:rerun-if-changed=queries");
}
