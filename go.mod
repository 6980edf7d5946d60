module github.com/pqcert/pqcert

go 1.26.0
