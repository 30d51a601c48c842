# Sourced by the benchmarks. bench_ca OUT: a P-256 CA certificate for "Bench Registry CA", valid from a day ago for ten
# years, in PEM at OUT (its key is thrown away). Backdated because a CA issued within the hour draws CID2022, and a
# build whose last generation warned replays the warning on every no-op build: the benchmarks measure a workload
# without warnings. openssl 3.0's req -x509 cannot set the start date; openssl ca can.
bench_ca() {
  local out=$1 dir
  dir=$(mktemp -d)
  touch "$dir/index.txt"
  cat > "$dir/ca.cnf" <<CNF
[ca]
default_ca = bench
[bench]
database = $dir/index.txt
new_certs_dir = $dir
serial = $dir/serial
default_md = sha256
policy = any
x509_extensions = ext
[any]
commonName = supplied
[ext]
basicConstraints = critical,CA:TRUE
keyUsage = critical,keyCertSign,cRLSign
subjectKeyIdentifier = hash
CNF
  echo 01 > "$dir/serial"
  openssl req -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -keyout "$dir/ca.key" -out "$dir/ca.csr" \
    -subj "/CN=Bench Registry CA" 2>/dev/null
  openssl ca -batch -selfsign -notext -config "$dir/ca.cnf" -keyfile "$dir/ca.key" -in "$dir/ca.csr" -out "$out" \
    -startdate "$(date -u -d '1 day ago' +%Y%m%d%H%M%SZ)" -enddate "$(date -u -d '10 years' +%Y%m%d%H%M%SZ)" 2>/dev/null
  rm -rf "$dir"
}
