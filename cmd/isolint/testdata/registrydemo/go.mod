module example.com/registrydemo

go 1.26
