// fleetsim: the INVERS stand-in. (Owned by the simulation work: issue 4.)
print("fleetsim: not built yet")
