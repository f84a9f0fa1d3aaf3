import RecDeckCore
print("x")
