module example.com/cascade

go 1.24
