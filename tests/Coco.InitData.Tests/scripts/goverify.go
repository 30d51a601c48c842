// goverify: the independent oracle for the node profile. It verifies a leaf the way containerd's Go TLS
// client does (crypto/x509 Verify with the registry host and serverAuth) at a fixed time.
// Usage: goverify ROOTS.pem INTERMEDIATES.pem|- LEAF.pem HOST UNIX-SECONDS
package main

import (
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"os"
	"strconv"
	"time"
)

func load(path string) ([]*x509.Certificate, error) {
	var certs []*x509.Certificate
	if path == "-" {
		return certs, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	for {
		var block *pem.Block
		block, data = pem.Decode(data)
		if block == nil {
			return certs, nil
		}
		cert, err := x509.ParseCertificate(block.Bytes)
		if err != nil {
			return nil, err
		}
		certs = append(certs, cert)
	}
}

func main() {
	roots, err := load(os.Args[1])
	if err != nil {
		fmt.Println("roots:", err)
		os.Exit(1)
	}
	intermediates, err := load(os.Args[2])
	if err != nil {
		fmt.Println("intermediates:", err)
		os.Exit(1)
	}
	leaves, err := load(os.Args[3])
	if err != nil || len(leaves) == 0 {
		fmt.Println("leaf:", err)
		os.Exit(1)
	}
	seconds, _ := strconv.ParseInt(os.Args[5], 10, 64)
	rootPool, intermediatePool := x509.NewCertPool(), x509.NewCertPool()
	for _, c := range roots {
		rootPool.AddCert(c)
	}
	for _, c := range intermediates {
		intermediatePool.AddCert(c)
	}
	_, err = leaves[0].Verify(x509.VerifyOptions{
		Roots:         rootPool,
		Intermediates: intermediatePool,
		DNSName:       os.Args[4],
		CurrentTime:   time.Unix(seconds, 0),
		KeyUsages:     []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
	})
	if err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("OK")
}
