/usr/local/bin/qemu-system-x86_64 \
-name gpucc-snp \
-machine q35,confidential-guest-support=sev0,memory-backend=ram1,vmport=off \
-accel kvm \
-cpu EPYC-v4 \
-smp 16 \
-m 64G \
-object memory-backend-memfd,id=ram1,size=64G,share=true,prealloc=false \
-object sev-snp-guest,id=sev0,cbitpos=51,reduced-phys-bits=1,policy=0x30000,kernel-hashes=on \
-bios /usr/local/share/gpucc/OVMF.amdsev.fd \
-kernel /var/lib/gpucc/image/vmlinuz \
-initrd /var/lib/gpucc/image/initrd.img \
-append 'root=/dev/vda rw console=ttyS0 net.ifnames=0 panic=-1' \
-drive if=none,id=disk0,format=raw,file=/var/lib/gpucc/image/rootfs.img \
-device virtio-blk-pci,drive=disk0,disable-legacy=on,iommu_platform=true \
-netdev user,id=net0,hostfwd=tcp:0.0.0.0:7443-:7443 \
-device virtio-net-pci,netdev=net0,disable-legacy=on,iommu_platform=true,romfile= \
-device pcie-root-port,id=rp1,bus=pcie.0,chassis=1 \
-device vfio-pci,host=0000:41:00.0,bus=rp1 \
-fw_cfg name=opt/ovmf/X-PciMmio64Mb,string=262144 \
-nodefaults \
-display none \
-serial stdio \
-no-reboot
# Expected SNP MEASUREMENT (pin it as snp.measurement in the client policy):
sev-snp-measure --mode snp --vcpus 16 --vcpu-type EPYC-v4 --ovmf /usr/local/share/gpucc/OVMF.amdsev.fd --kernel /var/lib/gpucc/image/vmlinuz --initrd /var/lib/gpucc/image/initrd.img --append 'root=/dev/vda rw console=ttyS0 net.ifnames=0 panic=-1'
# sev-snp-measure is on PyPI (pip install sev-snp-measure), not in Debian. The policy
# (0x30000) is not part of MEASUREMENT: pin it separately (snp.policy).
