module example.com/reportdemo

go 1.24
