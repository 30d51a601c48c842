// The Go runtime's annotation decoding, as an oracle for the tests: kata-containers 3.32.0
// src/runtime/pkg/oci/utils.go addHypervisorInitdataOverrides reads the annotation value through
// base64.NewDecoder(base64.StdEncoding, ...) into gzip.NewReader (multistream) and io.ReadAll; the
// cloud-api-adaptor's pkg/initdata decode does the same. Reads the value on stdin, prints the decoded
// bytes as hex on stdout, or the error on stderr with exit code 1.
package main

import (
	"compress/gzip"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"os"
	"strings"
)

func main() {
	value, err := io.ReadAll(os.Stdin)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	reader, err := gzip.NewReader(base64.NewDecoder(base64.StdEncoding, strings.NewReader(string(value))))
	if err != nil {
		fmt.Fprintln(os.Stderr, "initdata create gzip reader error:", err)
		os.Exit(1)
	}
	document, err := io.ReadAll(reader)
	if err != nil {
		fmt.Fprintln(os.Stderr, "uncompressing initdata with gzip error:", err)
		os.Exit(1)
	}
	fmt.Println(hex.EncodeToString(document))
}
